// The descriptors of the test-only .proto files below. Generated/ holds the Swift code that
// protoc-gen-swift (swift-protobuf 1.39.0) generates from them, so the tests can compare the dynamic
// codec with SwiftProtobuf for every field type. To regenerate after editing the sources, save
// them as thidua/test/v1/all_types.proto and thidua/test/v1/legacy.proto, then run:
//
//   protoc -I. --plugin=protoc-gen-swift=.build/debug/protoc-gen-swift \
//     --swift_out=Tests/ThiduaDynamicMessagesTests/Generated --swift_opt=FileNaming=PathToUnderscores \
//     thidua/test/v1/all_types.proto thidua/test/v1/legacy.proto
//   protoc -I. --include_imports --descriptor_set_out=/dev/stdout \
//     thidua/test/v1/all_types.proto thidua/test/v1/legacy.proto | base64 -w0
//
// syntax = "proto3";
//
// package thidua.test.v1;
//
// enum Color {
//   COLOR_UNSPECIFIED = 0;
//   RED = 1;
//   GREEN = 2;
// }
//
// message AllTypes {
//   double f_double = 1;
//   float f_float = 2;
//   int64 f_int64 = 3;
//   uint64 f_uint64 = 4;
//   int32 f_int32 = 5;
//   fixed64 f_fixed64 = 6;
//   fixed32 f_fixed32 = 7;
//   bool f_bool = 8;
//   string f_string = 9;
//   Nested f_nested = 10;
//   bytes f_bytes = 12;
//   uint32 f_uint32 = 13;
//   Color f_color = 14;
//   sfixed32 f_sfixed32 = 15;
//   sfixed64 f_sfixed64 = 16;
//   sint32 f_sint32 = 17;
//   sint64 f_sint64 = 18;
//
//   repeated int32 r_int32 = 31;
//   repeated sint64 r_sint64 = 32;
//   repeated double r_double = 33;
//   repeated Color r_color = 34;
//   repeated string r_string = 35;
//   repeated Nested r_nested = 36;
//   repeated fixed32 r_fixed32_unpacked = 37 [packed = false];
//
//   optional int32 o_int32 = 40;
//   optional string o_string = 41;
//
//   oneof choice {
//     string c_string = 50;
//     Nested c_nested = 51;
//     int64 c_int64 = 52;
//   }
//
//   map<int32, string> m_int32_string = 60;
//   map<bool, Color> m_bool_color = 61;
//   map<string, Nested> m_string_nested = 62;
//   map<sint64, bytes> m_sint64_bytes = 63;
//
//   string renamed = 70 [json_name = "customName"];
//
//   message Nested {
//     int32 depth = 1;
//     Nested child = 2;
//     string note = 3;
//   }
// }
//
// ----
//
// syntax = "proto2";
//
// package thidua.test.v1;
//
// message Legacy {
//   enum Kind {
//     KIND_A = 1;
//     KIND_B = 2;
//   }
//   optional int32 count = 1;
//   repeated int32 values = 2;
//   repeated int32 packed_values = 3 [packed = true];
//   optional group Item = 4 {
//     optional string label = 5;
//   }
//   optional Kind kind = 6;
//   optional string name = 7;
// }

/// The descriptors of the test protos (thidua.test.v1.AllTypes, thidua.test.v1.Legacy).
enum TestProtoFiles {
    /// A serialized `google.protobuf.FileDescriptorSet` of all_types.proto and legacy.proto, base64.
    static let descriptorSetBase64 =
        "CuEOCh50aGlkdWEvdGVzdC92MS9hbGxfdHlwZXMucHJvdG8SDnRoaWR1YS50ZXN0LnYxIvINCghBbGxUeXBlcxIZCghmX2RvdWJsZRgBIAEoAVIHZkRvdWJsZRIXCgdmX2Zsb2F0GAIgASgCUgZmRmxvYXQSFwoHZl9pbnQ2NBgDIAEoA1IGZkludDY0EhkKCGZfdWludDY0GAQgASgEUgdmVWludDY0EhcKB2ZfaW50MzIYBSABKAVSBmZJbnQzMhIbCglmX2ZpeGVkNjQYBiABKAZSCGZGaXhlZDY0EhsKCWZfZml4ZWQzMhgHIAEoB1IIZkZpeGVkMzISFQoGZl9ib29sGAggASgIUgVmQm9vbBIZCghmX3N0cmluZxgJIAEoCVIHZlN0cmluZxI6CghmX25lc3RlZBgKIAEoCzIfLnRoaWR1YS50ZXN0LnYxLkFsbFR5cGVzLk5lc3RlZFIHZk5lc3RlZBIXCgdmX2J5dGVzGAwgASgMUgZmQnl0ZXMSGQoIZl91aW50MzIYDSABKA1SB2ZVaW50MzISLgoHZl9jb2xvchgOIAEoDjIVLnRoaWR1YS50ZXN0LnYxLkNvbG9yUgZmQ29sb3ISHQoKZl9zZml4ZWQzMhgPIAEoD1IJZlNmaXhlZDMyEh0KCmZfc2ZpeGVkNjQYECABKBBSCWZTZml4ZWQ2NBIZCghmX3NpbnQzMhgRIAEoEVIHZlNpbnQzMhIZCghmX3NpbnQ2NBgSIAEoElIHZlNpbnQ2NBIXCgdyX2ludDMyGB8gAygFUgZySW50MzISGQoIcl9zaW50NjQYICADKBJSB3JTaW50NjQSGQoIcl9kb3VibGUYISADKAFSB3JEb3VibGUSLgoHcl9jb2xvchgiIAMoDjIVLnRoaWR1YS50ZXN0LnYxLkNvbG9yUgZyQ29sb3ISGQoIcl9zdHJpbmcYIyADKAlSB3JTdHJpbmcSOgoIcl9uZXN0ZWQYJCADKAsyHy50aGlkdWEudGVzdC52MS5BbGxUeXBlcy5OZXN0ZWRSB3JOZXN0ZWQSMAoScl9maXhlZDMyX3VucGFja2VkGCUgAygHQgIQAFIQckZpeGVkMzJVbnBhY2tlZBIcCgdvX2ludDMyGCggASgFSAFSBm9JbnQzMogBARIeCghvX3N0cmluZxgpIAEoCUgCUgdvU3RyaW5niAEBEhsKCGNfc3RyaW5nGDIgASgJSABSB2NTdHJpbmcSPAoIY19uZXN0ZWQYMyABKAsyHy50aGlkdWEudGVzdC52MS5BbGxUeXBlcy5OZXN0ZWRIAFIHY05lc3RlZBIZCgdjX2ludDY0GDQgASgDSABSBmNJbnQ2NBJQCg5tX2ludDMyX3N0cmluZxg8IAMoCzIqLnRoaWR1YS50ZXN0LnYxLkFsbFR5cGVzLk1JbnQzMlN0cmluZ0VudHJ5UgxtSW50MzJTdHJpbmcSSgoMbV9ib29sX2NvbG9yGD0gAygLMigudGhpZHVhLnRlc3QudjEuQWxsVHlwZXMuTUJvb2xDb2xvckVudHJ5UgptQm9vbENvbG9yElMKD21fc3RyaW5nX25lc3RlZBg+IAMoCzIrLnRoaWR1YS50ZXN0LnYxLkFsbFR5cGVzLk1TdHJpbmdOZXN0ZWRFbnRyeVINbVN0cmluZ05lc3RlZBJQCg5tX3NpbnQ2NF9ieXRlcxg/IAMoCzIqLnRoaWR1YS50ZXN0LnYxLkFsbFR5cGVzLk1TaW50NjRCeXRlc0VudHJ5UgxtU2ludDY0Qnl0ZXMSGwoHcmVuYW1lZBhGIAEoCVIKY3VzdG9tTmFtZRo/ChFNSW50MzJTdHJpbmdFbnRyeRIQCgNrZXkYASABKAVSA2tleRIUCgV2YWx1ZRgCIAEoCVIFdmFsdWU6AjgBGlQKD01Cb29sQ29sb3JFbnRyeRIQCgNrZXkYASABKAhSA2tleRIrCgV2YWx1ZRgCIAEoDjIVLnRoaWR1YS50ZXN0LnYxLkNvbG9yUgV2YWx1ZToCOAEaYQoSTVN0cmluZ05lc3RlZEVudHJ5EhAKA2tleRgBIAEoCVIDa2V5EjUKBXZhbHVlGAIgASgLMh8udGhpZHVhLnRlc3QudjEuQWxsVHlwZXMuTmVzdGVkUgV2YWx1ZToCOAEaPwoRTVNpbnQ2NEJ5dGVzRW50cnkSEAoDa2V5GAEgASgSUgNrZXkSFAoFdmFsdWUYAiABKAxSBXZhbHVlOgI4ARppCgZOZXN0ZWQSFAoFZGVwdGgYASABKAVSBWRlcHRoEjUKBWNoaWxkGAIgASgLMh8udGhpZHVhLnRlc3QudjEuQWxsVHlwZXMuTmVzdGVkUgVjaGlsZBISCgRub3RlGAMgASgJUgRub3RlQggKBmNob2ljZUIKCghfb19pbnQzMkILCglfb19zdHJpbmcqMgoFQ29sb3ISFQoRQ09MT1JfVU5TUEVDSUZJRUQQABIHCgNSRUQQARIJCgVHUkVFThACYgZwcm90bzMKwwIKG3RoaWR1YS90ZXN0L3YxL2xlZ2FjeS5wcm90bxIOdGhpZHVhLnRlc3QudjEikwIKBkxlZ2FjeRIUCgVjb3VudBgBIAEoBVIFY291bnQSFgoGdmFsdWVzGAIgAygFUgZ2YWx1ZXMSJwoNcGFja2VkX3ZhbHVlcxgDIAMoBUICEAFSDHBhY2tlZFZhbHVlcxIvCgRpdGVtGAQgASgKMhsudGhpZHVhLnRlc3QudjEuTGVnYWN5Lkl0ZW1SBGl0ZW0SLwoEa2luZBgGIAEoDjIbLnRoaWR1YS50ZXN0LnYxLkxlZ2FjeS5LaW5kUgRraW5kEhIKBG5hbWUYByABKAlSBG5hbWUaHAoESXRlbRIUCgVsYWJlbBgFIAEoCVIFbGFiZWwiHgoES2luZBIKCgZLSU5EX0EQARIKCgZLSU5EX0IQAg=="
}
