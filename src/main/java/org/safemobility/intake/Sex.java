package org.safemobility.intake;

public enum Sex {
    FEMALE, MALE, OTHER
}
