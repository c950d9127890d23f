export {
  checkUpload,
  displayName,
  MAX_FILE_NAME_CHARS,
  MAX_UPLOAD_BYTES,
  UPLOAD_ACCEPT,
  type UploadCheck,
  type UploadKind,
  uploadExtensions,
} from "./check";
export { type UploadResult, uploadToIngest } from "./file";
export { markdownToText } from "./markdown";
