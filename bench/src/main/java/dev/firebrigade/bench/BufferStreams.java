package dev.firebrigade.bench;

import io.vertx.core.buffer.Buffer;

import java.io.OutputStream;

/**
 * An output stream appending to a Vert.x {@link Buffer} through its public API, so Jackson can write a request body
 * without an intermediate byte[] of the whole message: a candidate measured in {@link CodecBenchmarks}.
 */
final class BufferStreams {
    private BufferStreams() {
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
