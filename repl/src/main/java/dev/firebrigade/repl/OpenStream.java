package dev.firebrigade.repl;

import java.io.PrintStream;

/**
 * A stream handed to JShell that stays open when JShell closes it at {@code /exit}: the launcher still has things to
 * say on the same stream afterwards. Text goes to the target as text, so its encoding is the target's own.
 */
final class OpenStream extends PrintStream {
    private final PrintStream target;

    OpenStream(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    @Override
    public void print(String s) {
        target.print(s);
    }

    @Override
    public void print(Object o) {
        target.print(o);
    }

    @Override
    public void print(char c) {
        target.print(c);
    }

    @Override
    public void print(char[] chars) {
        target.print(chars);
    }

    @Override
    public void close() {
        target.flush();
    }
}
