//! Generated protobuf and gRPC code for `threatlens.v1`.

#![allow(clippy::all, missing_docs)]

tonic::include_proto!("threatlens.v1");

/// Encoded `FileDescriptorSet` of the ThreatLens protos, served by reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/threatlens_descriptor.bin"));
