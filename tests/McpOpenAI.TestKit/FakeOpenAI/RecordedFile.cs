namespace McpOpenAI.TestKit.FakeOpenAI;

/// <summary>A file part of a multipart request the fake received.</summary>
/// <param name="FieldName">The form field, e.g. <c>image</c>, <c>image[]</c> or <c>mask</c>.</param>
/// <param name="FileName">The file name the client sent.</param>
/// <param name="ContentType">The part's content type, if any.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record RecordedFile(string FieldName, string FileName, string? ContentType, byte[] Content);
