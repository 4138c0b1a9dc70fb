package com.micromall.care;

import java.util.List;
import java.util.Set;

/** The tags the owner and staff keep on customers, for other modules that act on a group of customers. */
public interface CustomerTags {

    /** Every tag in use, alphabetically. */
    List<String> allTags();

    /** The customers carrying the tag (none for a tag nobody carries). */
    Set<Long> customersTagged(String tag);
}
