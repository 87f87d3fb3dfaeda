/**
 * Rules for the values of requests that every module shares, such as what a name is.
 */
@NullMarked
package com.example.petclinic.validation;

import org.jspecify.annotations.NullMarked;
