-- wishes: updateWish writes a timeline entry of its own (修改), status unchanged
-- AlterEnum
ALTER TYPE "WishAction" ADD VALUE 'EDITED';
