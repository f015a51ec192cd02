package io.daybreak.core.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a component of a settings record as a method parameter (see {@link Settings}): the name is the
 * component's name and the type follows from its Java type. Bounds are inclusive unless said otherwise; an
 * unset bound ({@code NaN}) means none. Texts are given as users type them and bound by {@link ParameterSpec},
 * so a default is checked exactly as a value on the command line would be.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    /** What the parameter means, for people. */
    String doc() default "";

    String unit() default "";

    /** What {@link #defaultValue} is when none is given: no default. */
    String NONE = "\u0000none";

    /**
     * The default as text ({@code "0.3"}, {@code "0.16,0.33"}, {@code "poisson"}); {@code ""} is the empty text, a
     * default a {@code String} parameter can have ("no times"); left out: no default.
     */
    String defaultValue() default NONE;

    double min() default Double.NaN;

    boolean minInclusive() default true;

    double max() default Double.NaN;

    boolean maxInclusive() default true;

    /** Without a default, the parameter may be absent: the component is then {@code null}, so it must be boxed. */
    boolean optional() default false;
}
