package dev.digits.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.digits.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ModelCard} as {@link Json} writes it, with Jackson's streaming parser: the card that
 * {@code Json.MAPPER} would read, unknown keys ignored and missing ones null (0 for the parameter
 * count). Loading a model then starts none of Jackson's object mapping, whose first use (deserializers
 * built for the record, Java's date and locale services started) takes tens of milliseconds before the
 * first picture of {@code digits predict one.png}, where nothing else needs it.
 */
final class ModelCardReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ModelCardReader() {}

    static ModelCard read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a model card is a JSON object, found " + p.currentToken());
            }
            String name = null;
            String architecture = null;
            String description = null;
            long parameters = 0;
            String dataset = null;
            List<String> classes = null;
            String input = null;
            Map<String, Object> hyperparameters = null;
            Map<String, String> dataSha256 = null;
            Map<String, String> software = null;
            String created = null;
            String command = null;
            Map<String, Double> metrics = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "name" -> name = text(p);
                    case "architecture" -> architecture = text(p);
                    case "description" -> description = text(p);
                    case "parameters" -> parameters = p.getValueAsLong();
                    case "dataset" -> dataset = text(p);
                    case "classes" -> classes = list(p, ModelCardReader::text);
                    case "input" -> input = text(p);
                    case "hyperparameters" -> hyperparameters = map(p, ModelCardReader::untyped);
                    case "data_sha256" -> dataSha256 = map(p, ModelCardReader::text);
                    case "software" -> software = map(p, ModelCardReader::text);
                    case "created" -> created = text(p);
                    case "command" -> command = text(p);
                    case "metrics" -> metrics = map(p, ModelCardReader::number);
                    default -> p.skipChildren();
                }
            }
            return new ModelCard(
                    name,
                    architecture,
                    description,
                    parameters,
                    dataset,
                    classes,
                    input,
                    hyperparameters,
                    dataSha256,
                    software,
                    created,
                    command,
                    metrics);
        }
    }

    /** Reads the value at the parser's current token; moves past it only within that value. */
    @FunctionalInterface
    private interface Value<T> {
        T read(JsonParser p) throws IOException;
    }

    private static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static Double number(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> Double.valueOf(p.getText()); // "NaN", "Infinity" as Jackson writes them
            default -> p.getValueAsDouble();
        };
    }

    /** As Jackson maps a value of unknown type: objects, lists, strings, Integer/Long/BigInteger, Double, booleans. */
    private static Object untyped(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> map(p, ModelCardReader::untyped);
            case START_ARRAY -> list(p, ModelCardReader::untyped);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + p.currentToken() + " in a model card");
        };
    }

    private static <T> Map<String, T> map(JsonParser p, Value<T> value) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_OBJECT);
        Map<String, T> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, value.read(p));
        }
        return map;
    }

    private static <T> List<T> list(JsonParser p, Value<T> value) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY);
        List<T> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(value.read(p));
        }
        return list;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException(
                    "expected " + token + " in a model card at " + p.currentLocation() + ", found " + p.currentToken());
        }
    }
}
