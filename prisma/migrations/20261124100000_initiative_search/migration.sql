-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Initiative_searchText_idx" ON "Initiative" USING GIN ("searchText" gin_trgm_ops);
