package io.faceswap.task;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Streams a slice of a file without reading it into memory. */
record FileRangeOutput(Path file, long start, long length) implements StreamingOutput {
    @Override
    public void write(OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = start;
            long remaining = length;
            var target = Channels.newChannel(out);
            while (remaining > 0) {
                long sent = channel.transferTo(position, remaining, target);
                if (sent <= 0) {
                    break;
                }
                position += sent;
                remaining -= sent;
            }
        }
    }
}
