package com.example.petclinic.command;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed command as its message, without a stack trace.
 */
class CommandFailureAnalyzer extends AbstractFailureAnalyzer<CommandFailedException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, CommandFailedException cause) {
		return new FailureAnalysis(cause.getMessage(), "See the lines the command logged above.", cause);
	}

}
