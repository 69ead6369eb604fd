/**
 * What commands print: aligned tables, {@code key: value} details, pretty JSON, and the human
 * formats (sizes, relative times) that only tables and details use; JSON keeps raw values.
 */
package io.cluman.cli.output;
