/**
 * One-shot commands of the packaged jar: {@code migrate-up}, {@code migrate-down} and
 * {@code sample}, which mirror the AWS sample's scripts, and {@code load}, a data set at
 * scale. They run without the web server, on whatever database the service is configured
 * for, and exit.
 */
@NullMarked
package com.example.petclinic.command;

import org.jspecify.annotations.NullMarked;
