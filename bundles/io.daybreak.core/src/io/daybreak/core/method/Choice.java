package io.daybreak.core.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@code String} settings component a {@link ParameterType#CHOICE} of these words, in this order. An enum
 * component needs no annotation: its constants are the words (see {@link Settings}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Choice {
    String[] value();
}
