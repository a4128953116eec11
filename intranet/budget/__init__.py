"""Budget estimates (dự toán kinh phí): units estimate next year's tasks, Công an tỉnh compiles."""
