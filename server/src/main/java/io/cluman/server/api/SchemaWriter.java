package io.cluman.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** JSON schemas of the model records, derived from their components, written once each under components. */
final class SchemaWriter {
    private final ObjectNode schemas;

    SchemaWriter(ObjectNode schemas) {
        this.schemas = schemas;
    }

    /** A {@code $ref} to the schema of {@code type}, writing the schema the first time. */
    ObjectNode ref(Class<?> type) {
        if (!type.isRecord()) {
            return schemaOf(type);
        }
        if (!schemas.has(type.getSimpleName())) {
            ObjectNode schema = schemas.putObject(type.getSimpleName()).put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (RecordComponent component : type.getRecordComponents()) {
                properties.set(component.getName(), schemaOf(component.getGenericType()));
            }
        }
        return ApiJson.MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + type.getSimpleName());
    }

    private ObjectNode schemaOf(Type type) {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                node.put("type", "object").set("additionalProperties", schemaOf(args[1]));
            } else if (Collection.class.isAssignableFrom(raw)) {
                node.put("type", "array").set("items", schemaOf(args[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    node.put("uniqueItems", true);
                }
            }
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            node.put("type", "string");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            node.put("type", "integer");
        } else if (c == double.class || c == Double.class || c == float.class) {
            node.put("type", "number");
        } else if (c == boolean.class || c == Boolean.class) {
            node.put("type", "boolean");
        } else if (c == Instant.class) {
            node.put("type", "string").put("format", "date-time");
        } else if (c == Duration.class) {
            node.put("type", "string").put("format", "duration");
        } else if (c.isEnum()) {
            node.put("type", "string");
            for (Object constant : c.getEnumConstants()) {
                node.withArray("enum").add(ApiJson.MAPPER.valueToTree(constant).asText());
            }
        } else if (c.isRecord()) {
            return ref(c);
        } else {
            node.put("type", "object");
        }
        return node;
    }
}
