package io.cluman.model.validation;

/** What is wrong with one input field and how to fix it. {@code field} is a JSON path such as {@code labels.zone}. */
public record FieldError(String field, String message) {
}
