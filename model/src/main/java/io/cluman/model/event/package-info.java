/** Events: what happened, on which typed bus (topic), how severe. */
package io.cluman.model.event;
