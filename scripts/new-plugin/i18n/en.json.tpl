{ "note.blank": "Write what the note says", "note.tooLong": "The note is too long: at most {max} characters, it has {length}" }
