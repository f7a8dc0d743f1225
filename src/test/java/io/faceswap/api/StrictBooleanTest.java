package io.faceswap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

/** Only JSON true and false are booleans; the refusal names its field (Yasson's wording pinned here). */
class StrictBooleanTest {
    public record Options(Boolean visibleLabel, String title) {}

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean()));

    @Test
    void onlyJsonBooleansAreBooleans() {
        assertEquals(
                true, JSONB.fromJson("{\"visibleLabel\":true}", Options.class).visibleLabel());
        assertEquals(
                false, JSONB.fromJson("{\"visibleLabel\":false}", Options.class).visibleLabel());
        assertEquals(
                null, JSONB.fromJson("{\"visibleLabel\":null}", Options.class).visibleLabel());
        assertEquals(null, JSONB.fromJson("{\"title\":\"x\"}", Options.class).visibleLabel());
        for (String bad : new String[] {"\"yes\"", "\"true\"", "1", "0", "{}", "[]"}) {
            JsonbException e = assertThrows(
                    JsonbException.class, () -> JSONB.fromJson("{\"visibleLabel\":" + bad + "}", Options.class));
            assertEquals("visibleLabel", StrictBoolean.fieldIn(e), e::getMessage);
        }
    }
}
