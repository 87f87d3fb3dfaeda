package com.example.petclinic.retry;

import com.example.petclinic.usecase.AfterUnknownCommit;
import org.jspecify.annotations.Nullable;

/**
 * A use case as the runner sees it.
 *
 * @param name the use case, as named in logs and metrics ({@code OwnerService.update})
 * @param afterUnknownCommit what a write does when its commit's outcome is unknown;
 * {@code null} for a read
 */
record UseCase(String name, @Nullable AfterUnknownCommit afterUnknownCommit) {

	static UseCase read(String name) {
		return new UseCase(name, null);
	}

	static UseCase write(String name, AfterUnknownCommit afterUnknownCommit) {
		return new UseCase(name, afterUnknownCommit);
	}

	boolean readOnly() {
		return this.afterUnknownCommit == null;
	}

}
