@NullMarked
package com.example.petclinic.pet;

import org.jspecify.annotations.NullMarked;
