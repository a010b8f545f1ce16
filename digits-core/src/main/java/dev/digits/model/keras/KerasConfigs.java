package dev.digits.model.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builders for the JSON objects of Keras 3's config schema (as Keras 3.9 writes them). */
final class KerasConfigs {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KerasConfigs() {}

    /** {@code {"module": "keras.layers", "class_name": …, "config": {name, trainable, dtype, …}, "registered_name": null}}. */
    static ObjectNode layer(String className, String name) {
        ObjectNode config = JSON.objectNode();
        config.put("name", name);
        config.put("trainable", true);
        config.set("dtype", dtypePolicy());
        ObjectNode layer = JSON.objectNode();
        layer.put("module", "keras.layers");
        layer.put("class_name", className);
        layer.set("config", config);
        layer.putNull("registered_name");
        return layer;
    }

    static ObjectNode config(ObjectNode layer) {
        return (ObjectNode) layer.get("config");
    }

    static ObjectNode dtypePolicy() {
        ObjectNode policy = JSON.objectNode();
        policy.put("module", "keras");
        policy.put("class_name", "DTypePolicy");
        policy.set("config", JSON.objectNode().put("name", "float32"));
        policy.putNull("registered_name");
        return policy;
    }

    static ObjectNode initializer(String className) {
        ObjectNode init = JSON.objectNode();
        init.put("module", "keras.initializers");
        init.put("class_name", className);
        init.set("config", className.endsWith("Uniform") ? JSON.objectNode().putNull("seed") : JSON.objectNode());
        init.putNull("registered_name");
        return init;
    }

    /** {@code [null, d1, d2, …]}: a shape with its batch axis. */
    static ArrayNode batchShape(int... dims) {
        ArrayNode shape = JSON.arrayNode().addNull();
        for (int d : dims) {
            shape.add(d);
        }
        return shape;
    }

    static ArrayNode ints(int... values) {
        ArrayNode array = JSON.arrayNode();
        for (int v : values) {
            array.add(v);
        }
        return array;
    }
}
