/** Validation of input: field errors, the exception that carries them, and name rules. */
package io.cluman.model.validation;
