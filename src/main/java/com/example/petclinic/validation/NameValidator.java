package com.example.petclinic.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Name}, saying which of its rules is broken.
 */
class NameValidator implements ConstraintValidator<Name, String> {

	private int max;

	@Override
	public void initialize(Name name) {
		this.max = name.max();
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		if (value == null) {
			return refuse(context, "must not be blank");
		}
		if (Names.hasControlCharacter(value)) {
			return refuse(context, "must not contain control characters");
		}
		if (!Names.hasVisibleCharacter(value)) {
			return refuse(context, "must not be blank");
		}
		if (value.codePointCount(0, value.length()) > this.max) {
			return refuse(context, "size must be between 0 and " + this.max);
		}
		return true;
	}

	private static boolean refuse(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

}
