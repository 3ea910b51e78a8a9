//! Compiles `proto/` with protox (no system `protoc` needed) and writes the
//! descriptor set that server reflection serves.
use std::{env, path::PathBuf};

use prost::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protos = ["proto/threatlens/v1/threatlens.proto"];
    for p in &protos {
        println!("cargo:rerun-if-changed={p}");
    }
    let fds = protox::compile(protos, ["proto"])?;
    let out = PathBuf::from(env::var("OUT_DIR")?);
    std::fs::write(out.join("threatlens_descriptor.bin"), fds.encode_to_vec())?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        // JSON for the CLI and the scoring client, with proto field names.
        .type_attribute(".threatlens.v1", "#[derive(serde::Serialize, serde::Deserialize)]")
        .type_attribute(".threatlens.v1", "#[serde(default)]")
        .compile_fds(fds)?;
    Ok(())
}
