package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy curl would use for a URL, from the usual variables: {@code https_proxy} for https and
 * {@code http_proxy} for http (lower case first, then upper case), else {@code all_proxy}; none when the host is
 * listed in {@code no_proxy} ({@code *} for every host; {@code example.com} also covers its subdomains). A proxy
 * URL is {@code [http|socks4|socks4a|socks5|socks5h]://[user:password@]host[:port]}, http when the scheme is
 * missing, port 1080 when it is missing, as in curl. Error messages name the variable, never its value: it may hold
 * a password.
 */
final class ProxyEnvironment {
    private static final int CURL_DEFAULT_PORT = 1080;

    private ProxyEnvironment() {
    }

    /** The proxy for requests to {@code url}, if the environment asks for one. */
    static Optional<ProxyOptions> forUrl(String url, Map<String, String> env) {
        URI target = URI.create(url);
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (bypassed(host, variable(env, "no_proxy"))) {
            return Optional.empty();
        }
        for (String name : new String[] {scheme + "_proxy", "all_proxy"}) {
            String value = variable(env, name);
            if (value != null) {
                return Optional.of(parse(value, name.toUpperCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    /** The variable in lower case, else in upper case; blank counts as unset. */
    private static String variable(Map<String, String> env, String lowerCase) {
        for (String name : new String[] {lowerCase, lowerCase.toUpperCase(Locale.ROOT)}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static boolean bypassed(String host, String noProxy) {
        if (noProxy == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        for (String entry : noProxy.split("[,\\s]+")) {
            String pattern = entry.toLowerCase(Locale.ROOT);
            if (pattern.startsWith("[") && pattern.endsWith("]")) {
                pattern = pattern.substring(1, pattern.length() - 1);
            }
            pattern = pattern.startsWith(".") ? pattern.substring(1) : pattern;
            if (pattern.equals("*") || bare.equals(pattern) || (!pattern.isEmpty() && bare.endsWith("." + pattern))) {
                return true;
            }
        }
        return false;
    }

    private static ProxyOptions parse(String value, String variable) {
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw invalid(variable, "is not a URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        ProxyType type = switch (scheme) {
            case "http" -> ProxyType.HTTP;
            case "socks4", "socks4a" -> ProxyType.SOCKS4;
            case "socks5", "socks5h" -> ProxyType.SOCKS5;
            default -> throw invalid(variable, "uses the scheme " + scheme + ", which Vert.x cannot speak to a proxy");
        };
        if (uri.getHost() == null) {
            throw invalid(variable, "has no host");
        }
        var proxy = new ProxyOptions().setType(type).setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : CURL_DEFAULT_PORT);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            proxy.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                proxy.setPassword(decode(userInfo.substring(colon + 1)));
            }
        }
        return proxy;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InvalidInputException invalid(String variable, String problem) {
        return new InvalidInputException(variable, problem,
                "set it to http://[user:password@]host:port (or socks5://…), percent-encoding special characters");
    }
}
