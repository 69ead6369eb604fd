package io.cluman.server.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cluman.model.validation.FieldError;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.InputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON of the API. Requests are read strictly: an unknown field, a wrong type or malformed JSON is a
 * 400 naming the field, so a typo never silently does nothing.
 */
public final class ApiJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ApiJson() {
    }

    /** Reads the request body as {@code type}; 400 with the field at fault when it cannot. */
    public static <T> T body(Context ctx, Class<T> type) {
        long length = ctx.req().getContentLengthLong();
        if (length > ApiServer.MAX_BODY_BYTES) {
            throw new HttpResponseException(413, "body over 1 MiB");
        }
        if (length == 0) {
            throw missingBody();
        }
        try (InputStream in = new BoundedInputStream(ctx.req().getInputStream(), ApiServer.MAX_BODY_BYTES)) {
            return MAPPER.readValue(in, type);
        } catch (JsonParseException e) {
            throw new ApiError.BadRequest("the body is not valid JSON",
                    List.of(new FieldError("body", "malformed JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
        } catch (UnrecognizedPropertyException e) {
            throw new ApiError.BadRequest("the body has a field this endpoint does not know",
                    List.of(new FieldError(path(e), "unknown field; known fields: " + e.getKnownPropertyIds())));
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
                throw missingBody();
            }
            throw new ApiError.BadRequest("a field of the body has the wrong type or value",
                    List.of(new FieldError(path(e), mappingMessage(e))));
        } catch (JsonMappingException e) {
            throw new ApiError.BadRequest("a field of the body has the wrong type or value",
                    List.of(new FieldError(path(e), mappingMessage(e))));
        } catch (JsonProcessingException e) {
            throw new ApiError.BadRequest("the body cannot be read",
                    List.of(new FieldError("body", e.getOriginalMessage())));
        } catch (BoundedInputStream.TooLarge e) {
            throw new HttpResponseException(413, "body over 1 MiB");
        } catch (IOException e) {
            throw new ApiError.BadRequest("the body cannot be read", List.of(new FieldError("body", e.getMessage())));
        }
    }

    private static ApiError missingBody() {
        return new ApiError.BadRequest("the request needs a JSON body: see /openapi.json for its fields",
                List.of(new FieldError("body", "is required")));
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }

    /** What is wrong with a field, in the API's words: never a Java type name. */
    private static String mappingMessage(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return iae.getMessage();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "'" + f.getValue() + "' is not " + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + describe(m.getTargetType());
        }
        String message = e.getOriginalMessage().replaceAll(" \\(set DeserializationConfig[^)]*\\)", "");
        int cut = message.indexOf(" at [Source");
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.contains("`") || message.contains("java.") ? "has the wrong type or value" : message;
    }

    /** A JSON type as a person writes it: "a string", "one of [A, B]", "a list". */
    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.time.temporal.TemporalAccessor.class.isAssignableFrom(type)) {
            return "a time such as 2026-01-01T00:00:00Z";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 30s";
        }
        return "an object (see /openapi.json for its fields)";
    }
}
