package io.daybreak.core.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component whose type is a shared group: this method gives one of the group's parameters another default or
 * documentation (TITE-CRM enrols one patient at a time where the other designs take cohorts of 3). A name the group
 * does not declare fails when the descriptor is generated, that is when the method class loads, not at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@Repeatable(Adjust.List.class)
public @interface Adjust {
    /** The parameter of the group. */
    String name();

    /** The new default as text; empty: unchanged. */
    String defaultValue() default "";

    /** The new documentation; empty: unchanged. */
    String doc() default "";

    /** The container of repeated {@link Adjust}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface List {
        Adjust[] value();
    }
}
