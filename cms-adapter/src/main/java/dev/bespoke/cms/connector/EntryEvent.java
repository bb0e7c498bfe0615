package dev.bespoke.cms.connector;

import java.util.List;

/**
 * One change to one CMS entry.
 *
 * @param entryId the CMS's stable id of the entry (Contentful {@code sys.id}, Strapi {@code
 *     documentId} or model and id)
 * @param revision orders events of the same entry: an event whose (revision, action rank) is not
 *     above the last applied one changes nothing
 * @param variants what a publish makes of the entry (one per locale where the CMS localises); empty
 *     for other actions
 * @param note why an ignored event is ignored, for the answer to the CMS
 */
public record EntryEvent(
    String entryId, long revision, EntryAction action, List<MappedVariant> variants, String note) {

  public EntryEvent {
    variants = List.copyOf(variants);
  }

  public static EntryEvent ignored(String entryId, String note) {
    return new EntryEvent(entryId, 0, EntryAction.IGNORE, List.of(), note);
  }

  public static EntryEvent retire(String entryId, long revision, EntryAction action) {
    return new EntryEvent(entryId, revision, action, List.of(), null);
  }
}
