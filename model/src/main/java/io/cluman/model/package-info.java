/** The domain of Cluman: records, ids, enums and their validation. Depends on the JDK only. */
package io.cluman.model;
