package com.example.petclinic.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A name a person reads: present, with at least one visible character (not only spaces,
 * U+00A0, zero-width or other format characters), no control characters, and at most
 * {@link #max()} characters, counted as code points because that is how the database's
 * {@code varchar(n)} counts them. Names are stored as {@link Names#normalize normalized}
 * by the request that carries them.
 */
@Documented
@Constraint(validatedBy = NameValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {

	/**
	 * The largest number of characters (code points), the column's size.
	 * @return the limit
	 */
	int max();

	String message() default "must be a name";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
