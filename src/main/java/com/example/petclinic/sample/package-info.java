/**
 * The data of the AWS "Aurora DSQL with Prisma" sample, written through the service's own
 * use cases.
 */
@NullMarked
package com.example.petclinic.sample;

import org.jspecify.annotations.NullMarked;
