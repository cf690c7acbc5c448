/**
 * Shared work: videos with their credits, likes and comments, the upload and playback pages.
 * Today only the (empty) browse page exists; uploading comes with the works issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Works")
package org.cinely.works;
