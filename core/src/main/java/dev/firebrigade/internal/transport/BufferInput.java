package dev.firebrigade.internal.transport;

import io.vertx.core.buffer.Buffer;

import java.io.InputStream;

/**
 * A Vert.x {@link Buffer} read as a stream, so Jackson parses a response body through its own recycled buffer
 * instead of a fresh {@code byte[]} copy of the whole body ({@code Buffer.getBytes()}).
 */
final class BufferInput extends InputStream {
    private final Buffer buffer;
    private int position;

    BufferInput(Buffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() {
        return position < buffer.length() ? buffer.getByte(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        int left = buffer.length() - position;
        if (length == 0) {
            return 0;
        }
        if (left <= 0) {
            return -1;
        }
        int n = Math.min(left, length);
        buffer.getBytes(position, position + n, into, offset);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return buffer.length() - position;
    }
}
