package dev.roster.model;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A provider-neutral user, field for field the full shape of SPEC §2.1. Timestamps are Unix
 * epoch milliseconds. Metadata objects are never null (empty when the upstream had none).
 * Treat the {@link JsonObject}s as read-only: a cached user is shared between requests.
 */
public record User(
    String id,
    Provider provider,
    String firstName,
    String lastName,
    String username,
    String primaryEmailAddressId,
    EmailAddress primaryEmailAddress,
    List<EmailAddress> emailAddresses,
    String primaryPhoneNumberId,
    List<PhoneNumber> phoneNumbers,
    String imageUrl,
    boolean hasImage,
    String externalId,
    JsonObject publicMetadata,
    JsonObject privateMetadata,
    JsonObject unsafeMetadata,
    long createdAt,
    long updatedAt,
    Long lastSignInAt,
    boolean twoFactorEnabled,
    boolean banned,
    boolean locked,
    JsonObject providerAttributes) {}
