package com.example.petclinic.command;

/**
 * A command did not do what it should: the application exits with a non-zero status and
 * this message.
 */
public class CommandFailedException extends RuntimeException {

	CommandFailedException(String message) {
		super(message);
	}

}
