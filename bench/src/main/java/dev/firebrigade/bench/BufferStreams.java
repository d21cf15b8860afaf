package dev.firebrigade.bench;

import io.vertx.core.buffer.Buffer;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams over a Vert.x {@link Buffer} using only its public API, so Jackson can read a body and write a request
 * without an intermediate byte[] of the whole message. The candidates measured in {@link CodecBenchmarks}.
 */
final class BufferStreams {
    private BufferStreams() {
    }

    static InputStream reading(Buffer buffer) {
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < buffer.length() ? buffer.getByte(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                int left = buffer.length() - position;
                if (left <= 0) {
                    return length == 0 ? 0 : -1;
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
        };
    }

    static OutputStream appendingTo(Buffer buffer) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                buffer.appendByte((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.appendBytes(bytes, offset, length);
            }
        };
    }
}
