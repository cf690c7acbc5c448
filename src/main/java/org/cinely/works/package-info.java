/**
 * Shared work: videos with their details, credits, likes and comments, the upload and playback
 * pages and the browse page. The video itself belongs to the media module: a work holds the id
 * of its media asset and asks media for its state and files, checking who may see it first.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Works",
        allowedDependencies = {"accounts", "media", "platform"})
package org.cinely.works;
