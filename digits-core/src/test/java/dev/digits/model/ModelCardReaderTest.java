package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.io.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader gives the card that Jackson's object mapping gives for the same JSON. */
class ModelCardReaderTest {
    @Test
    void theBundledCardsReadAsTheMapperReadsThem() throws IOException {
        for (BundledModel model : BundledModel.values()) {
            byte[] json;
            try (InputStream in = BundledModel.class.getResourceAsStream(
                    "/dev/digits/" + (model == BundledModel.READER ? "bundled" : "bundled-cutter") + "/model.json")) {
                json = in.readAllBytes();
            }
            ModelCard expected = Json.MAPPER.readValue(json, ModelCard.class);
            assertEquals(expected, ModelCardReader.read(new ByteArrayInputStream(json)), model.name());
            assertEquals(expected, model.card(), model.name());
        }
    }

    @Test
    void everyKindOfValueRoundTrips() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", new ArrayList<>(List.of(1, 2.5, "three", true)));
        nested.put("nothing", null);
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("epochs", 3);
        hyperparameters.put("steps", 12_000_000_000L);
        hyperparameters.put("huge", new BigInteger("123456789012345678901234567890"));
        hyperparameters.put("learning_rate", 0.002);
        hyperparameters.put("augment", false);
        hyperparameters.put("schedule", "one-cycle");
        hyperparameters.put("nested", nested);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", 0.9921);
        metrics.put("test_loss", Double.NaN);
        metrics.put("epoch", 2.0);
        ModelCard card = new ModelCard(
                "a \"quoted\" name, ünïcode",
                "quick",
                null,
                12345,
                "mnist",
                List.of("0", "1"),
                ModelCard.INPUT,
                hyperparameters,
                Map.of("train-images-idx3-ubyte", "ab12"),
                Map.of("digits", "0.1.0"),
                "2026-11-27T10:00:00Z",
                "digits train --recipe quick",
                metrics);
        byte[] json = Json.write(card).getBytes(StandardCharsets.UTF_8);

        ModelCard read = ModelCardReader.read(new ByteArrayInputStream(json));

        assertEquals(Json.MAPPER.readValue(json, ModelCard.class), read);
        assertEquals(card, read);
    }

    @Test
    void unknownKeysAreSkippedAndMissingOnesAreNull() throws IOException {
        String json = "{\"future\": {\"a\": [1, {\"b\": 2}]}, \"architecture\": \"seed\", \"metrics\": {\"x\": 1}}";

        ModelCard read = ModelCardReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertEquals("seed", read.architecture());
        assertEquals(Map.of("x", 1.0), read.metrics());
        assertNull(read.name());
        assertEquals(0, read.parameters());
        assertEquals(Json.MAPPER.readValue(json, ModelCard.class), read);
    }

    @Test
    void whatIsNotACardIsRefused() {
        for (String json : new String[] {"[1, 2]", "{\"classes\": {\"a\": 1}}", "{\"name\": \"cut off"}) {
            assertThrows(
                    IOException.class,
                    () -> ModelCardReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                    json);
        }
    }
}
