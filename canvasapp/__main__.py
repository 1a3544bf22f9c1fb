from canvasapp.cli import main

raise SystemExit(main())
