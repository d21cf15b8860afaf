package dev.firebrigade;

/** One query parameter; names may repeat, as in {@code mode[one_of]=standard&mode[one_of]=test}. */
public record QueryParam(String name, String value) {
}
