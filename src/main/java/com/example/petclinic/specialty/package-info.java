@NullMarked
package com.example.petclinic.specialty;

import org.jspecify.annotations.NullMarked;
