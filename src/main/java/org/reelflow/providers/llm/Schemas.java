package org.reelflow.providers.llm;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * Our JSON Schemas (JSON-P) as LangChain4j schema trees, which each vendor module renders in its own dialect
 * (OpenAI {@code json_schema}, Anthropic {@code output_config}, Gemini {@code responseSchema}).
 */
final class Schemas {

    private Schemas() {
    }

    static ResponseFormat responseFormat(OutputSchema<?> schema) {
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(schema.name()).rootElement(element(schema.jsonSchema())).build())
                .build();
    }

    static JsonSchemaElement element(JsonObject s) {
        String description = s.containsKey("description") ? s.getString("description") : null;
        if (s.containsKey("anyOf")) {
            List<JsonSchemaElement> options = new ArrayList<>();
            s.getJsonArray("anyOf").getValuesAs(JsonObject.class).forEach(o -> options.add(element(o)));
            return JsonAnyOfSchema.builder().description(description).anyOf(options).build();
        }
        if (s.containsKey("enum")) {
            return JsonEnumSchema.builder().description(description).enumValues(strings(s.getJsonArray("enum"))).build();
        }
        String type = s.getString("type", "");
        return switch (type) {
            case "object" -> {
                JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
                JsonObject props = s.getJsonObject("properties");
                if (props != null) {
                    props.forEach((name, v) -> b.addProperty(name, element(v.asJsonObject())));
                }
                if (s.containsKey("required")) {
                    b.required(strings(s.getJsonArray("required")));
                }
                if (s.get("additionalProperties") instanceof JsonValue v && v.getValueType() != JsonValue.ValueType.OBJECT) {
                    b.additionalProperties(v == JsonValue.TRUE);
                }
                yield b.build();
            }
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(element(s.getJsonObject("items"))).build();
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            default -> throw new IllegalArgumentException("Unsupported JSON Schema type: '" + type + "'");
        };
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
