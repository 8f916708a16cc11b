package org.safemobility.intake;

/** How a household member is related to the registering applicant. */
public enum Relationship {
    SPOUSE, PARTNER, CHILD, STEPCHILD, PARENT, SIBLING, GRANDPARENT, GRANDCHILD, OTHER_RELATIVE, OTHER
}
