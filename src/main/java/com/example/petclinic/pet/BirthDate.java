package com.example.petclinic.pet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A pet's birth date is on or after 1900-01-01 (a pet born before is not a pet). The
 * limit also keeps every date clear of the Julian-Gregorian cut-over of 1582 and of the
 * year zero, where pgJDBC and the database count days differently from {@link LocalDate}:
 * {@code 1582-10-10} would be stored as {@code 1582-10-20}.
 */
@Documented
@Constraint(validatedBy = BirthDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface BirthDate {

	LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	String message() default "must be on or after 1900-01-01";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<BirthDate, LocalDate> {

		@Override
		public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
			return value == null || !value.isBefore(EARLIEST);
		}

	}

}
