package io.faceswap.task;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes a {@link TaskView} field by field, exactly as Yasson's default mapping did (names in lexicographic order,
 * nulls written, instants as {@link Instant#toString()}, numbers as JSON-P writes them): listbyids returns up to 100
 * of these per poll, and Yasson's generic path (a chain of wrapper serializers and a type lookup per property) cost
 * about a sixth of the whole request. {@code TaskViewSerializerTest} pins the output to what Yasson wrote before.
 */
public class TaskViewSerializer implements JsonbSerializer<TaskView> {
    private static final long YEAR_0 = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long YEAR_10000 = 253_402_300_800L; // 10000-01-01T00:00:00Z

    @Override
    public void serialize(TaskView t, JsonGenerator g, SerializationContext context) {
        write(t, g);
    }

    /** The task as one JSON object, straight to a JSON-P generator (also {@link TaskListWriter}'s path). */
    static void write(TaskView t, JsonGenerator g) {
        g.writeStartObject();
        g.write("chargedSeconds", t.chargedSeconds());
        write(g, "createdAt", t.createdAt());
        g.write("duration", t.duration());
        write(g, "endSeconds", t.endSeconds());
        write(g, "errorCode", t.errorCode());
        write(g, "errorMessage", t.errorMessage());
        g.write("expired", t.expired());
        if (t.faceMappings() == null) {
            g.writeNull("faceMappings");
        } else {
            g.writeStartArray("faceMappings");
            for (FaceMappingRequest m : t.faceMappings()) {
                g.writeStartObject();
                write(g, "faceId", m.faceId());
                write(g, "imageUrl", m.imageUrl());
                write(g, "referenceImageUrl", m.referenceImageUrl());
                g.writeEnd();
            }
            g.writeEnd();
        }
        write(g, "faceSelector", t.faceSelector());
        g.write("facesFound", t.facesFound());
        write(g, "finishedAt", t.finishedAt());
        g.write("frames", t.frames());
        write(g, "id", t.id());
        write(g, "imageUrl", t.imageUrl());
        g.write("processingSeconds", t.processingSeconds());
        g.write("progress", t.progress());
        if (t.quality() == null) {
            g.writeNull("quality");
        } else {
            g.writeStartObject("quality");
            write(g, "coverage", t.quality().coverage());
            write(g, "identity", t.quality().identity());
            g.writeEnd();
        }
        write(g, "resultUrl", t.resultUrl());
        write(g, "resultUrlExpiresAt", t.resultUrlExpiresAt());
        write(g, "startSeconds", t.startSeconds());
        write(g, "startedAt", t.startedAt());
        write(g, "status", t.status());
        write(g, "targetImageUrl", t.targetImageUrl());
        write(g, "targetKind", t.targetKind());
        write(g, "title", t.title());
        write(g, "updatedAt", t.updatedAt());
        write(g, "userId", t.userId());
        write(g, "videoUrl", t.videoUrl());
        g.write("visibleLabel", t.visibleLabel());
        g.writeEnd();
    }

    private static void write(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }

    private static void write(JsonGenerator g, String name, Double value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value.doubleValue());
        }
    }

    private static void write(JsonGenerator g, String name, Instant value) {
        write(g, name, value == null ? null : iso(value));
    }

    /**
     * {@link Instant#toString()} (ISO_INSTANT: the fraction in groups of three digits, as many as needed) without
     * the formatter machinery, which was a third of this class's cost; years outside 0000-9999 take the JDK path.
     */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int nano = instant.getNano();
        StringBuilder b = new StringBuilder(30);
        digits(b, date.getYear(), 4).append('-');
        digits(b, date.getMonthValue(), 2).append('-');
        digits(b, date.getDayOfMonth(), 2).append('T');
        digits(b, secondOfDay / 3600, 2).append(':');
        digits(b, secondOfDay / 60 % 60, 2).append(':');
        digits(b, secondOfDay % 60, 2);
        if (nano != 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(b, nano / 1000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
