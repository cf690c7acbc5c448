/**
 * Stored media and transcoding: the resumable (tus) upload, the {@code MediaStore} port (local
 * directory or S3-compatible storage), the {@code Transcoder} port (ffmpeg or Zencoder) and the
 * transcode jobs with their state machine. Other modules attach an asset to what they own
 * ({@link org.cinely.media.UploadTargets}) and read its state through {@link org.cinely.media.MediaApi}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Media",
        allowedDependencies = {"platform"})
package org.cinely.media;
