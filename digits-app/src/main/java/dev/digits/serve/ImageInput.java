package dev.digits.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.image.ImageDecoder;
import dev.digits.image.ImageTooLargeException;
import dev.digits.io.Json;
import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Locale;

/**
 * What a client sent to recognise: image bytes ({@code image/png}, {@code image/jpeg}, ...), or JSON
 * with {@code "pixels"} (784 prepared values) or {@code "image"} (a data URL). Exactly one field is set.
 */
record ImageInput(BufferedImage image, float[] pixels) {
    private static final String DATA_URL_PREFIX = "data:image/";

    static ImageInput from(Context ctx, ImageDecoder decoder) {
        String type = mediaType(ctx.contentType());
        if (type.startsWith("image/")) {
            return new ImageInput(decode(decoder, ctx.bodyAsBytes()), null);
        }
        if (type.equals("application/json")) {
            return fromJson(ctx.bodyAsBytes(), decoder);
        }
        throw new ApiError(
                415,
                "unsupported media type",
                "send image bytes (image/png, image/jpeg, image/gif, image/bmp, image/webp, image/tiff) or application/json; got "
                        + (type.isEmpty() ? "no Content-Type" : type));
    }

    private static ImageInput fromJson(byte[] body, ImageDecoder decoder) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid JSON", e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "invalid JSON", e.getMessage());
        }
        if (json != null && json.has("pixels")) {
            return new ImageInput(null, pixels(json.get("pixels")));
        }
        if (json != null && json.has("image") && json.get("image").isTextual()) {
            return new ImageInput(decode(decoder, dataUrl(json.get("image").asText())), null);
        }
        throw new ApiError(
                400,
                "wrong JSON shape",
                "expected {\"pixels\": [784 numbers 0..1]} or {\"image\": \"data:image/png;base64,...\"}");
    }

    private static float[] pixels(JsonNode array) {
        if (!array.isArray() || array.size() != DigitSet.PIXELS) {
            throw new ApiError(
                    400,
                    "wrong JSON shape",
                    "\"pixels\" must be an array of " + DigitSet.PIXELS + " numbers (28x28, row-major), got "
                            + (array.isArray() ? array.size() + " elements" : array.getNodeType()));
        }
        float[] pixels = new float[DigitSet.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw new ApiError(
                        400, "wrong JSON shape", "\"pixels\"[" + i + "] must be a number in [0, 1], got " + value);
            }
            pixels[i] = (float) value.asDouble();
        }
        return pixels;
    }

    private static byte[] dataUrl(String url) {
        int comma = url.indexOf(',');
        if (!url.startsWith(DATA_URL_PREFIX)
                || comma < 0
                || !url.substring(0, comma).endsWith(";base64")) {
            throw new ApiError(
                    400, "wrong JSON shape", "\"image\" must be a data URL: data:image/<type>;base64,<data>");
        }
        try {
            return Base64.getDecoder().decode(url.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "undecodable image", "\"image\" is not valid base64: " + e.getMessage());
        }
    }

    private static BufferedImage decode(ImageDecoder decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes, "the uploaded image");
        } catch (ImageTooLargeException e) {
            throw new ApiError(413, "image too large", e.getMessage());
        } catch (DigitsException e) {
            throw new ApiError(400, "undecodable image", e.getMessage());
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
