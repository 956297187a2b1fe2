{ "note.blank": "请写下备忘的内容", "note.tooLong": "备忘太长了：最多 {max} 个字，现在 {length} 个字" }
