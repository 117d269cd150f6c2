// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "LuaKit", targets: ["LuaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // Debian's libedit-dev (BSD licence), the line editor of the REPL.
        .systemLibrary(
            name: "CLineEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Debian's libxml2-dev: its HTML parser and XML reader for pages and feeds.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The generic error function of libxml2 is variadic: set from C.
        .target(name: "CLibXML2Shim", dependencies: ["CLibXML2"]),
        // Debian's zlib1g-dev: gzip-compressed dumps are read as they are inflated.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The C side of LuaKit: the trampoline that raises Lua errors after a Swift
        // frame has returned, the capped allocator and the interrupt hook.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "LuaKit", dependencies: ["CLua", "CLuaShim"]),
        // Shared value types of the engines: articles, dates, errors.
        .target(name: "DossierCore"),
        // The article store engine: parsing of article formats, SQLite storage
        // with FTS5 search, de-duplication. Pure Swift, no Lua.
        .target(
            name: "ArticleStore",
            dependencies: ["DossierCore", "CLibXML2", "CLibXML2Shim", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The PostgreSQL backend of the same Store protocol (tsvector/GIN search,
        // a connection pool), for stores shared by a team. Pure Swift, no Lua.
        .target(
            name: "PostgresStore",
            dependencies: ["ArticleStore", "DossierCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")]
        ),
        // Which backend a store location names (a path or postgres://...): the one
        // place that picks SQLiteStore or PostgresStore.
        .target(name: "StoreBackends", dependencies: ["ArticleStore", "PostgresStore"]),
        // Named entities: tokenizer, sentence splitter, a trained averaged
        // perceptron, gazetteers and rules, alias resolution. Pure Swift, no Lua.
        .target(name: "EntityExtractor", dependencies: ["DossierCore"], resources: [.copy("Resources")]),
        // Temporal expressions normalised TimeML-style, events and timelines
        // (sentences and who-is-involved come from the entity extractor).
        // Pure Swift, no Lua.
        .target(name: "Timeline", dependencies: ["DossierCore", "EntityExtractor"], resources: [.copy("Resources")]),
        // Attributions (who claims what: source, cue, content), source kinds and
        // roles, hedges; the cue lexicon is learned from PolNeAR train. Pure Swift, no Lua.
        .target(name: "Claims", dependencies: ["DossierCore", "EntityExtractor"], resources: [.copy("Resources")]),
        .target(name: "DossierLua", dependencies: ["LuaKit", "ArticleStore", "StoreBackends", "EntityExtractor", "Timeline", "Claims", "DossierCore"]),
        // The REPL and the script runner: what the `dossier` commands drive.
        .target(name: "DossierShell", dependencies: ["LuaKit", "DossierLua", "ArticleStore", "CLineEdit"]),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "LuaKit", "DossierLua", "DossierShell", "EntityExtractor", "Timeline", "Claims", "ArticleStore", "StoreBackends",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Plain-C Lua bindings: the baseline dossier-bench measures LuaKit against.
        .target(name: "CBenchBaseline", dependencies: ["CLua"]),
        .executableTarget(
            name: "dossier-bench",
            dependencies: [
                "LuaKit", "CLua", "CLuaShim", "CBenchBaseline", "ArticleStore", "PostgresStore", "EntityExtractor", "Timeline", "Claims", "DossierCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Fuzz targets for the parsers and engines. The ordinary build replays
        // saved inputs; scripts/fuzz builds it with -sanitize=fuzzer and
        // -DDOSSIER_FUZZ, where libFuzzer supplies main.
        .executableTarget(
            name: "dossier-fuzz",
            dependencies: ["ArticleStore", "EntityExtractor", "Timeline", "DossierCore"],
            // @_extern(c) declares libFuzzer's driver, linked only in the fuzz build.
            swiftSettings: [.enableExperimentalFeature("Extern")]
        ),
        // Spawns a program on a pseudo-terminal for the REPL tests (forkpty in C,
        // because nothing but async-signal-safe C may run between fork and exec).
        .target(name: "CPseudoTerminal", linkerSettings: [.linkedLibrary("util")]),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit", "CLua", "CLuaShim"]),
        .testTarget(name: "ArticleStoreTests", dependencies: ["ArticleStore", "DossierCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // The store behaviour both backends must share, run against SQLite and
        // against a private PostgreSQL cluster the suite starts itself.
        .testTarget(name: "StoreConformanceTests", dependencies: ["ArticleStore", "PostgresStore", "StoreBackends", "DossierCore", "PostgresTestSupport",
                                                              .product(name: "GRDB", package: "GRDB.swift")]),
        // The private PostgreSQL cluster tests start (initdb/pg_ctl on a Unix socket).
        .target(name: "PostgresTestSupport", dependencies: ["PostgresStore"], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "EntityExtractorTests", dependencies: ["EntityExtractor", "DossierCore"]),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline", "EntityExtractor", "DossierCore"]),
        .testTarget(name: "ClaimsTests", dependencies: ["Claims", "EntityExtractor", "DossierCore"]),
        .testTarget(name: "DossierShellTests", dependencies: ["DossierShell", "DossierLua", "LuaKit"]),
        // Runs the built `dossier` executable, through pipes and a pseudo-terminal.
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "CPseudoTerminal", "PostgresTestSupport"]),
    ]
)
